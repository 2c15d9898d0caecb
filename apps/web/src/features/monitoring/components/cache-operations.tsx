import { useId, useState } from 'react';
import { useViewer } from '../../../hooks/use-viewer.ts';
import { splitKeys, useCacheOperations } from '../hooks/use-cache-operations.ts';
import { CacheOperationReportView } from './cache-operation-report.tsx';

/** The destructive operations, which ask for a second click before they run. */
type Confirmable = 'clear' | 'delete';

/**
 * Cache operations for operators: warm, clear by pattern, delete a key, optimise memory; each
 * shows the server's report afterwards. Clearing and deleting ask for confirmation. Which role a
 * key has is not known up front, so the controls are offered and, once the server refuses one
 * with FORBIDDEN (a viewer key), all of them are disabled with the server's reason.
 */
export function CacheOperations() {
  const id = useId();
  const operations = useCacheOperations();
  const [pattern, setPattern] = useState('');
  const [key, setKey] = useState('');
  const [confirming, setConfirming] = useState<Confirmable | null>(null);
  const { refusal, failure, report } = operations;
  // Gated up front by the key's role (`viewer`); a refusal from the server still switches them off.
  const viewer = useViewer();
  const roleGate = viewer.reason('OPERATOR');
  const disabled = operations.busy || refusal !== null || roleGate !== null;
  const done = () => {
    setConfirming(null);
  };

  return (
    <section
      className="panel cache-operations"
      aria-labelledby={`${id}-title`}
      data-testid="cache-operations"
    >
      <h2 id={`${id}-title`} className="panel__title">
        Cache operations
      </h2>
      {refusal === null && roleGate === null ? (
        <p className="hint">Needs an operator key. Clearing and deleting ask to confirm.</p>
      ) : refusal === null ? (
        <p className="notice" data-testid="cache-operations-gated">
          Switched off for this key: {roleGate}
          {viewer.role === null
            ? ''
            : ` (it is ${viewer.role.toLowerCase()} “${viewer.name ?? ''}”)`}
          .
        </p>
      ) : (
        <p className="notice notice--error" data-testid="cache-operations-refused">
          Needs an operator key: the server refused with “{refusal}”. The operations stay off until
          a key with the operator role is set.
        </p>
      )}
      <WarmOperation
        id={`${id}-warm`}
        disabled={disabled}
        onWarm={(keys) => {
          void operations.warm(keys);
        }}
      />
      <ConfirmableOperation
        id={`${id}-clear`}
        label="Clear by pattern (* any run, ? one character)"
        placeholder="data:flavors:*"
        value={pattern}
        onChange={setPattern}
        action="Clear"
        confirmText={`Remove every key matching ${pattern.trim()} from every tier?`}
        confirming={confirming === 'clear'}
        onConfirming={(on) => {
          setConfirming(on ? 'clear' : null);
        }}
        onConfirm={() => operations.clear(pattern.trim()).then(done)}
        disabled={disabled}
      />
      <ConfirmableOperation
        id={`${id}-delete`}
        label="Delete one key"
        placeholder="data:flavors:list"
        value={key}
        onChange={setKey}
        action="Delete"
        confirmText={`Delete ${key.trim()} from every tier?`}
        confirming={confirming === 'delete'}
        onConfirming={(on) => {
          setConfirming(on ? 'delete' : null);
        }}
        onConfirm={() => operations.deleteKey(key.trim()).then(done)}
        disabled={disabled}
      />
      <div className="cache-operation">
        <button
          type="button"
          className="button button--secondary"
          disabled={disabled}
          onClick={() => {
            void operations.optimize();
          }}
        >
          Optimise memory
        </button>
      </div>
      {failure === null ? null : (
        <p className="notice notice--error" role="alert">
          The operation failed: {failure}.
        </p>
      )}
      {report === null ? null : <CacheOperationReportView result={report} />}
    </section>
  );
}

/** A text field and a button that asks "are you sure?" in place before it runs. */
function ConfirmableOperation(props: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  action: string;
  confirmText: string;
  confirming: boolean;
  onConfirming: (on: boolean) => void;
  onConfirm: () => Promise<void>;
  disabled: boolean;
}) {
  const empty = props.value.trim() === '';
  return (
    <form
      className="cache-operation"
      onSubmit={(event) => {
        event.preventDefault();
        if (!empty) props.onConfirming(true);
      }}
    >
      <label htmlFor={props.id}>{props.label}</label>
      <div className="cache-operation__row">
        <input
          id={props.id}
          type="text"
          value={props.value}
          disabled={props.disabled}
          placeholder={props.placeholder}
          onChange={(event) => {
            props.onConfirming(false);
            props.onChange(event.target.value);
          }}
        />
        <button
          type="submit"
          className="button button--secondary"
          disabled={props.disabled || empty || props.confirming}
        >
          {props.action}…
        </button>
      </div>
      {props.confirming ? (
        <div className="cache-operation__confirm" role="group" aria-label="Confirm">
          <p>{props.confirmText}</p>
          <button
            type="button"
            className="button button--danger"
            disabled={props.disabled}
            onClick={() => {
              void props.onConfirm();
            }}
          >
            Yes, {props.action.toLowerCase()}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              props.onConfirming(false);
            }}
          >
            Cancel
          </button>
        </div>
      ) : null}
    </form>
  );
}

/** Warm: given keys, or with the field empty the most used keys. */
function WarmOperation(props: { id: string; disabled: boolean; onWarm: (keys: string[]) => void }) {
  const [keys, setKeys] = useState('');
  return (
    <form
      className="cache-operation"
      onSubmit={(event) => {
        event.preventDefault();
        props.onWarm(splitKeys(keys));
      }}
    >
      <label htmlFor={props.id}>Warm (keys, or empty for the most used)</label>
      <div className="cache-operation__row">
        <input
          id={props.id}
          type="text"
          value={keys}
          disabled={props.disabled}
          placeholder="data:flavors:…"
          onChange={(event) => {
            setKeys(event.target.value);
          }}
        />
        <button type="submit" className="button button--secondary" disabled={props.disabled}>
          Warm
        </button>
      </div>
    </form>
  );
}
