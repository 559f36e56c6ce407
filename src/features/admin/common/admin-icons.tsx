// Icons only the admin screens use: here, not in ui/icons.tsx, so they stay out of the initial bundle.
function Svg({ d }: { d: string }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={d} />
    </svg>
  );
}

export const WalletIcon = () => (
  <Svg d="M4 7a2 2 0 0 1 2-2h12v4M4 7v11a2 2 0 0 0 2 2h14V9H6a2 2 0 0 1-2-2zM17.2 14.5a1.2 1.2 0 1 1-2.4 0a1.2 1.2 0 1 1 2.4 0" />
);
export const UpIcon = () => <Svg d="M6 15l6-6 6 6" />;
export const DownIcon = () => <Svg d="M6 9l6 6 6-6" />;
export const EditIcon = () => <Svg d="M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4" />;
