interface Props {
  asset: string;
  assets: readonly string[];
  onChange(asset: string): void;
  /** The accessible name when no visible label wraps the select. */
  label?: string;
  id?: string;
}

/** The asset picker of the popup and the track-record page. */
export function AssetSelect({ asset, assets, onChange, label, id }: Props) {
  return (
    <select
      id={id}
      value={asset}
      aria-label={label}
      onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}
    >
      {assets.map((a) => (
        <option key={a} value={a}>
          {a}
        </option>
      ))}
    </select>
  );
}
