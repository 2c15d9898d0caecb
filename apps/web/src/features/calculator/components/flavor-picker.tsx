import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Ref } from 'react';
import { useQuery } from 'urql';
import { FieldError } from '../../../components/field-error.tsx';
import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import type { FlavorCategory, FlavorFilter } from '../../../gql/graphql.ts';
import { useDebouncedValue } from '../../../hooks/use-debounced-value.ts';
import { trackFeature } from '../../../lib/analytics/analytics-tracker.ts';
import { formatMg, formatMl } from '../../../lib/format.ts';
import { FlavorPickerPageQuery } from '../api/flavor-picker-page.ts';
import { FLAVOR_CATEGORY_LABELS } from '../utils/labels.ts';

export const FlavorPicker_FlavorFragment = graphql(`
  fragment FlavorPicker_FlavorFragment on Flavor {
    id
    name
    brand
    category
    defaultServingMl
    caffeinePerServingMg
  }
`);

const PAGE_SIZE = 12;

interface FlavorPickerProps {
  selectedId: string | null;
  onSelect: (flavorId: string, defaultServingMl: number) => void;
  error: string | undefined;
}

/** Search and filter the catalogue, then pick one flavor from a paginated radio list. */
export function FlavorPicker({ selectedId, onSelect, error }: FlavorPickerProps) {
  const id = useId();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<FlavorCategory | ''>('');
  const debouncedSearch = useDebouncedValue(search.trim(), 250);
  useSearchTracking(debouncedSearch);
  const filter = useMemo<FlavorFilter>(
    () => ({ search: debouncedSearch === '' ? null : debouncedSearch, category: category || null }),
    [debouncedSearch, category],
  );

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel__title">
        <span className="step" aria-hidden="true">
          1
        </span>
        Pick a flavor
      </h2>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-search`}>Search flavors</label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            placeholder="Name or brand"
            autoComplete="off"
            onChange={(event) => {
              setSearch(event.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-category`}>Category</label>
          <select
            id={`${id}-category`}
            value={category}
            onChange={(event) => {
              if (event.target.value !== '') trackFeature('filter.category');
              setCategory(event.target.value as FlavorCategory | '');
            }}
          >
            <option value="">All categories</option>
            {Object.entries(FLAVOR_CATEGORY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {/* A new filter starts again from the first page. */}
      <FlavorResults
        key={JSON.stringify(filter)}
        filter={filter}
        name={`${id}-flavor`}
        labelledBy={`${id}-heading`}
        selectedId={selectedId}
        onSelect={onSelect}
        errorId={`${id}-error`}
        hasError={error !== undefined}
      />
      <FieldError id={`${id}-error`} message={error} />
    </section>
  );
}

/** Counts a search as a filter use once typing pauses on a new, non-empty term. */
function useSearchTracking(term: string): void {
  const tracked = useRef('');
  useEffect(() => {
    if (term === '' || term === tracked.current) return;
    tracked.current = term;
    trackFeature('filter.search');
  }, [term]);
}

interface FlavorResultsProps {
  filter: FlavorFilter;
  name: string;
  labelledBy: string;
  selectedId: string | null;
  onSelect: (flavorId: string, defaultServingMl: number) => void;
  errorId: string;
  hasError: boolean;
}

function FlavorResults({
  filter,
  name,
  labelledBy,
  errorId,
  hasError,
  ...rest
}: FlavorResultsProps) {
  // One query per page, each chained to the previous page's end cursor ("load more").
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <div
      className="flavor-list"
      role="radiogroup"
      aria-labelledby={labelledBy}
      aria-invalid={hasError}
      aria-describedby={hasError ? errorId : undefined}
      data-testid="flavor-list"
    >
      {cursors.map((after, index) => (
        <FlavorResultsPage
          key={after ?? 'first'}
          filter={filter}
          after={after}
          pageIndex={index}
          isLastPage={index === cursors.length - 1}
          name={name}
          onLoadMore={(endCursor) => {
            setCursors((previous) => [...previous, endCursor]);
          }}
          {...rest}
        />
      ))}
    </div>
  );
}

interface FlavorResultsPageProps {
  filter: FlavorFilter;
  after: string | null;
  pageIndex: number;
  isLastPage: boolean;
  name: string;
  selectedId: string | null;
  onSelect: (flavorId: string, defaultServingMl: number) => void;
  onLoadMore: (endCursor: string) => void;
}

function FlavorResultsPage({
  filter,
  after,
  pageIndex,
  isLastPage,
  name,
  selectedId,
  onSelect,
  onLoadMore,
}: FlavorResultsPageProps) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: FlavorPickerPageQuery,
    variables: { first: PAGE_SIZE, after, filter },
  });
  const firstOption = useRef<HTMLInputElement>(null);
  const focused = useRef(false);
  const loaded = data !== undefined;

  // After "Load more", move focus to the first new flavor instead of losing it with the button.
  useEffect(() => {
    if (pageIndex === 0 || !loaded || focused.current) return;
    focused.current = true;
    firstOption.current?.focus();
  }, [pageIndex, loaded]);

  if (error) {
    return (
      <div className="notice notice--error" role="alert">
        Could not load flavors.{' '}
        <button
          type="button"
          className="button button--link"
          onClick={() => {
            reexecute({ requestPolicy: 'network-only' });
          }}
        >
          Try again
        </button>
      </div>
    );
  }
  if (!data) {
    return (
      <p className="muted" role="status">
        {fetching ? 'Loading flavors…' : null}
      </p>
    );
  }

  const { totalCount, pageInfo } = data.flavors;
  const shown = pageIndex * PAGE_SIZE + data.flavors.edges.length;
  return (
    <>
      {pageIndex === 0 && totalCount === 0 ? (
        <p className="muted" role="status">
          No flavor matches. Try another search or category.
        </p>
      ) : null}
      {data.flavors.edges.map((edge, index) => (
        <FlavorOption
          key={edge.node.id}
          flavor={edge.node}
          name={name}
          selectedId={selectedId}
          onSelect={onSelect}
          inputRef={index === 0 ? firstOption : undefined}
        />
      ))}
      {isLastPage && totalCount > 0 ? (
        <div className="flavor-list__footer">
          <p className="muted" role="status">
            Showing {shown} of {totalCount} flavors
          </p>
          {pageInfo.hasNextPage && pageInfo.endCursor != null ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                trackFeature('calculator.loadMoreFlavors');
                onLoadMore(pageInfo.endCursor!);
              }}
            >
              Load more flavors
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

interface FlavorOptionProps {
  flavor: FragmentType<typeof FlavorPicker_FlavorFragment>;
  name: string;
  selectedId: string | null;
  onSelect: (flavorId: string, defaultServingMl: number) => void;
  inputRef: Ref<HTMLInputElement> | undefined;
}

function FlavorOption({
  flavor: flavorRef,
  name,
  selectedId,
  onSelect,
  inputRef,
}: FlavorOptionProps) {
  const flavor = useFragment(FlavorPicker_FlavorFragment, flavorRef);
  return (
    <label className="flavor-option" data-testid={`flavor-option-${flavor.id}`}>
      <input
        ref={inputRef}
        className="visually-hidden"
        type="radio"
        name={name}
        value={flavor.id}
        checked={selectedId === flavor.id}
        onChange={() => {
          onSelect(flavor.id, flavor.defaultServingMl);
        }}
      />
      <span className="flavor-option__name">{flavor.name}</span>
      <span className="flavor-option__meta">
        {flavor.brand} · {FLAVOR_CATEGORY_LABELS[flavor.category]}
      </span>
      <span className="flavor-option__caffeine">
        {formatMg(flavor.caffeinePerServingMg)} / {formatMl(flavor.defaultServingMl)}
      </span>
    </label>
  );
}
