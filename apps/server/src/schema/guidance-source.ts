import type { GuidanceSource } from '@taurine/calculator';
import { builder } from './builder.ts';

export const GuidanceSourceRef = builder.objectRef<GuidanceSource>('GuidanceSource').implement({
  description: 'A published source a health limit is taken from.',
  fields: (t) => ({
    publisher: t.exposeString('publisher', { description: '`EFSA`, `WHO`, `EU`.' }),
    title: t.exposeString('title'),
    year: t.exposeInt('year'),
    url: t.exposeString('url', { description: 'A stable link (a DOI where there is one).' }),
    finding: t.exposeString('finding', {
      description: 'What the calculator takes from it, in one English sentence.',
    }),
  }),
});
