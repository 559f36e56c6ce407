import { tAdmin } from '../../../i18n/admin-i18n';

const REASONS = {
  underpaid: 'admin.reason.underpaid',
  late: 'admin.reason.late',
  unknown_comment: 'admin.reason.unknown_comment',
  already_paid: 'admin.reason.already_paid',
  order_cancelled: 'admin.reason.order_cancelled',
  paid_in_time_out_of_stock: 'admin.reason.paid_in_time_out_of_stock',
  unrecordable: 'admin.reason.unrecordable',
  forged: 'admin.reason.forged',
  jetton_malformed: 'admin.reason.jetton_malformed',
  not_quoted: 'admin.reason.not_quoted',
} as const;

/** Why a payment needs the merchant, in words; a reason this version doesn't know is shown as sent. */
export function reasonLabel(reason: string): string {
  return reason in REASONS ? tAdmin(REASONS[reason as keyof typeof REASONS]) : reason;
}
