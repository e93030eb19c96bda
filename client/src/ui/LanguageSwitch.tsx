interface Props<L extends string> {
  value: L;
  options: ReadonlyArray<{ value: L; label: string }>;
  label: string;
  onChange(value: L): void;
}

/** A two-state segmented control (radio group semantics). */
export function LanguageSwitch<L extends string>({ value, options, label, onChange }: Props<L>) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={o.value === value}
          className={o.value === value ? 'segmented-item is-active' : 'segmented-item'}
          onClick={() => onChange(o.value)}
          lang={o.value === 'zh' ? 'zh-CN' : 'en'}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
