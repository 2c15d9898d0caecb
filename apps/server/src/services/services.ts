import type { Store } from '@taurine/store';
import type { AppConfig } from '../config.ts';
import type { CatalogService } from './catalog-service.ts';
import type { EventService } from './event-service.ts';

/** Everything the API layer uses, wired once in `buildApp`. */
export interface Services {
  config: AppConfig;
  store: Store;
  catalog: CatalogService;
  events: EventService;
  /** Epoch ms when this process started serving. */
  startedAt: number;
}
