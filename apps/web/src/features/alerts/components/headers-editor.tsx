import { FieldError } from '../../../components/field-error.tsx';

interface HeadersEditorProps {
  headers: { name: string; value: string }[];
  /** The channel already has headers (never shown back): typed rows replace them all. */
  isSet: boolean;
  error: string | undefined;
  onChange: (headers: { name: string; value: string }[]) => void;
}

/** Extra HTTP headers of a webhook, name and value per row; values are write-only. */
export function HeadersEditor({ headers, isSet, error, onChange }: HeadersEditorProps) {
  const change = (index: number, key: 'name' | 'value', text: string) => {
    onChange(headers.map((header, i) => (i === index ? { ...header, [key]: text } : header)));
  };
  return (
    <fieldset className="headers-editor">
      <legend>Headers{isSet ? ' (set — rows you add replace them all)' : ' (optional)'}</legend>
      {headers.map((header, index) => (
        <div className="editor__row" key={index}>
          <input
            aria-label={`Header ${index + 1} name`}
            placeholder="Name"
            value={header.name}
            onChange={(event) => {
              change(index, 'name', event.target.value);
            }}
          />
          <input
            aria-label={`Header ${index + 1} value`}
            placeholder="Value"
            type="password"
            autoComplete="off"
            value={header.value}
            onChange={(event) => {
              change(index, 'value', event.target.value);
            }}
          />
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => {
              onChange(headers.filter((_, i) => i !== index));
            }}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => {
          onChange([...headers, { name: '', value: '' }]);
        }}
      >
        Add header
      </button>
      <FieldError id="headers-error" message={error} />
    </fieldset>
  );
}
