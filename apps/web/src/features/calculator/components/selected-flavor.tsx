import { useQuery } from 'urql';
import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { formatGrams, formatKcal, formatMg, formatUsd } from '../../../lib/format.ts';
import { SelectedFlavorQuery } from '../api/selected-flavor.ts';
import { FLAVOR_CATEGORY_LABELS } from '../utils/labels.ts';
import { BuyLink } from './buy-link.tsx';

export const SelectedFlavor_FlavorFragment = graphql(`
  fragment SelectedFlavor_FlavorFragment on Flavor {
    name
    brand
    category
    description
    caffeineMg
    sugarG
    kcal
    priceUsd
    active
    supplier {
      name
    }
    ...BuyLink_FlavorFragment
  }
`);

/** The picked flavor: what it is, its label values per 250 ml, and where to buy it. */
export function SelectedFlavor({ flavorId }: { flavorId: string }) {
  const [{ data, error }] = useQuery({ query: SelectedFlavorQuery, variables: { id: flavorId } });
  if (error) return null;
  if (!data?.flavor) return null;
  return <SelectedFlavorCard flavor={data.flavor} />;
}

function SelectedFlavorCard({
  flavor: flavorRef,
}: {
  flavor: FragmentType<typeof SelectedFlavor_FlavorFragment>;
}) {
  const flavor = useFragment(SelectedFlavor_FlavorFragment, flavorRef);
  return (
    <article className="selected-flavor" aria-label={`Selected flavor: ${flavor.name}`}>
      <div className="selected-flavor__text">
        <p className="eyebrow">
          {flavor.brand} · {FLAVOR_CATEGORY_LABELS[flavor.category]}
          {flavor.supplier ? ` · ${flavor.supplier.name}` : null}
        </p>
        <h3 className="selected-flavor__name">{flavor.name}</h3>
        <p className="muted">{flavor.description}</p>
        <p className="selected-flavor__facts">
          Per 250 ml: {formatMg(flavor.caffeineMg)} caffeine, {formatGrams(flavor.sugarG)} sugar,{' '}
          {formatKcal(flavor.kcal)}, about {formatUsd(flavor.priceUsd)}.
        </p>
        {flavor.active ? null : <p className="muted">Discontinued: the shop may be sold out.</p>}
      </div>
      <BuyLink flavor={flavor} />
    </article>
  );
}
