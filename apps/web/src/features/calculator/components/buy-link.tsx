import type { MouseEvent } from 'react';
import { useClient } from 'urql';
import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { keepaliveContext } from '../../../lib/urql-client.ts';
import { TrackEventMutation } from '../api/track-event.ts';

export const BuyLink_FlavorFragment = graphql(`
  fragment BuyLink_FlavorFragment on Flavor {
    id
    name
    affiliateUrl
  }
`);

interface BuyLinkProps {
  flavor: FragmentType<typeof BuyLink_FlavorFragment>;
}

/**
 * The affiliate link. The click is recorded before the browser follows it, but never holds it up:
 * the mutation is fired and forgotten, with `keepalive` so it survives the page going away.
 */
export function BuyLink({ flavor: flavorRef }: BuyLinkProps) {
  const flavor = useFragment(BuyLink_FlavorFragment, flavorRef);
  const client = useClient();

  const recordClick = () => {
    void client
      .mutation(
        TrackEventMutation,
        { input: { type: 'AFFILIATE_CLICK', flavorId: flavor.id } },
        keepaliveContext,
      )
      .toPromise();
  };

  return (
    <a
      className="button button--primary"
      href={flavor.affiliateUrl}
      target="_blank"
      rel="noopener sponsored"
      data-testid="buy-link"
      onClick={recordClick}
      onAuxClick={(event: MouseEvent) => {
        // A middle click opens the shop in a background tab: a click all the same.
        if (event.button === 1) recordClick();
      }}
    >
      Buy {flavor.name}
      <span className="visually-hidden"> (opens the shop in a new tab)</span>
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}
