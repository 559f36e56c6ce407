// Icons only the admin screens use: here, not in ui/icons.tsx, so they stay out of the initial bundle.
import { Svg } from '../../../ui/icons';

/** One stroked path in the shared icon frame. */
function PathIcon({ d }: { d: string }) {
  return (
    <Svg>
      <path d={d} />
    </Svg>
  );
}

export const WalletIcon = () => (
  <PathIcon d="M4 7a2 2 0 0 1 2-2h12v4M4 7v11a2 2 0 0 0 2 2h14V9H6a2 2 0 0 1-2-2zM17.2 14.5a1.2 1.2 0 1 1-2.4 0a1.2 1.2 0 1 1 2.4 0" />
);
export const UpIcon = () => <PathIcon d="M6 15l6-6 6 6" />;
export const DownIcon = () => <PathIcon d="M6 9l6 6 6-6" />;
export const EditIcon = () => <PathIcon d="M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4" />;
