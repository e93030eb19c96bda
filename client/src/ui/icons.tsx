const base = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

export function PlusIcon() {
  return (
    <svg {...base}>
      <path fill="currentColor" d="M7.25 2.5h1.5v4.75h4.75v1.5H8.75v4.75h-1.5V8.75H2.5v-1.5h4.75z" />
    </svg>
  );
}

export function MoveIcon() {
  return (
    <svg {...base}>
      <path fill="currentColor" d="M3 4.5h7.4L8.2 2.3l1.06-1.06L13.27 5.25 9.26 9.26 8.2 8.2l2.2-2.2H3zm10 7H5.6l2.2 2.2-1.06 1.06-4.01-4.01L6.74 6.74 7.8 7.8 5.6 10H13z" />
    </svg>
  );
}

export function WarningIcon() {
  return (
    <svg {...base}>
      <path fill="currentColor" d="M8 1.5 15.2 14H.8zm-.75 4.25v4h1.5v-4zm0 5.25v1.5h1.5V11z" />
    </svg>
  );
}

export function ChevronDownIcon() {
  return (
    <svg {...base} width={12} height={12}>
      <path fill="currentColor" d="M3.2 5.7 4.26 4.64 8 8.38l3.74-3.74 1.06 1.06L8 10.5z" />
    </svg>
  );
}
