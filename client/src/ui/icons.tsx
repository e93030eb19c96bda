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

export function CheckIcon() {
  return (
    <svg {...base} width={14} height={14}>
      <path fill="currentColor" d="M6.2 11.6 2.6 8l1.06-1.06 2.54 2.54 6.14-6.14L13.4 4.4z" />
    </svg>
  );
}

export function PaperclipIcon() {
  return (
    <svg {...base} width={14} height={14}>
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
        d="M13.2 7.4 8 12.6a3.3 3.3 0 0 1-4.7-4.7l5.4-5.4a2.2 2.2 0 0 1 3.1 3.1L6.4 11a1.1 1.1 0 0 1-1.6-1.6l4.9-4.9"
      />
    </svg>
  );
}

/** A small clipboard with ticks: "this stage has entry requirements". */
export function ChecklistIcon() {
  return (
    <svg {...base} width={14} height={14}>
      <path fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" d="M5 2.5H3.5v11h9v-11H11M5.5 1.8h5v1.9h-5z" />
      <path fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" d="m5.3 7.4 1 1 1.7-1.8M5.3 10.9l1 1 1.7-1.8M9.6 7.7h1.3M9.6 11.2h1.3" />
    </svg>
  );
}

export function DownloadIcon() {
  return (
    <svg {...base} width={14} height={14}>
      <path fill="currentColor" d="M7.25 1.5h1.5v7.2l2.45-2.45 1.06 1.06L8 11.57 3.74 7.31 4.8 6.25l2.45 2.45zM2.5 13h11v1.5h-11z" />
    </svg>
  );
}

export function TrashIcon() {
  return (
    <svg {...base} width={14} height={14}>
      <path fill="currentColor" d="M6 1.5h4l.5 1H14V4H2V2.5h3.5zM3.2 5h9.6l-.7 9.5H3.9zm3 1.5v6h1.3v-6zm2.3 0v6h1.3v-6z" />
    </svg>
  );
}

export function ArrowUpIcon() {
  return (
    <svg {...base} width={14} height={14}>
      <path fill="currentColor" d="M7.25 14V4.87L4.06 8.06 3 7l5-5 5 5-1.06 1.06-3.19-3.19V14z" />
    </svg>
  );
}

export function ArrowDownIcon() {
  return (
    <svg {...base} width={14} height={14}>
      <path fill="currentColor" d="M8.75 2v9.13l3.19-3.19L13 9l-5 5-5-5 1.06-1.06 3.19 3.19V2z" />
    </svg>
  );
}

export function ArrowLeftIcon() {
  return (
    <svg {...base}>
      <path fill="currentColor" d="M14 7.25H4.87l3.19-3.19L7 3 2 8l5 5 1.06-1.06-3.19-3.19H14z" />
    </svg>
  );
}

export function PencilIcon() {
  return (
    <svg {...base} width={14} height={14}>
      <path fill="currentColor" d="m10.9 1.9 3.2 3.2-8.4 8.4H2.5v-3.2zm0 2.1-6.9 6.9v1.1h1.1L12 5.1z" />
    </svg>
  );
}
