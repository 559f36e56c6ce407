import type { CheckoutMessageKey } from './en-checkout';
import type { Translation } from './types';

// Hindi messages of the options and the checkout (see en-checkout.ts for why they live apart).
export const hiCheckout = {
  'options.choose': 'चुनें: {options}',
  'options.chooseFirst': 'पहले विकल्प चुनें',
  'options.soldOut': 'स्टॉक में नहीं',
  'options.unavailable': 'यह संयोजन उपलब्ध नहीं',
  'cart.chooseOptions': 'इस उत्पाद में अब विकल्प हैं: इसे खोलकर चुनें।',

  'form.title': 'चेकआउट',
  'form.loading': 'चेकआउट लोड हो रहा है…',
  'form.emptyTitle': 'चेकआउट के लिए कुछ नहीं',
  'form.emptyBody': 'आपकी कार्ट खाली है।',
  'form.fixFields': 'चिह्नित फ़ील्ड जाँचें।',
  'form.place': 'ऑर्डर करें · {total}',
  'form.placeNoTotal': 'ऑर्डर करें',

  'delivery.title': 'डिलीवरी',
  'delivery.kind.shipping': 'शिपिंग',
  'delivery.kind.courier': 'कूरियर',
  'delivery.kind.pickup': 'पिकअप',
  'delivery.kind.none': 'डिलीवरी नहीं',
  'delivery.noneHint': 'इस तरीके के लिए कुछ भरना नहीं है।',
  'delivery.free': 'मुफ़्त',
  'delivery.feeFrom': '{fee} से',

  'address.saved': 'सहेजे गए पते',
  'address.recipientName': 'प्राप्तकर्ता का नाम',
  'address.phone': 'फ़ोन',
  'address.country': 'देश',
  'address.countryChoose': 'देश चुनें',
  'address.region': 'राज्य या क्षेत्र',
  'address.city': 'शहर',
  'address.line1': 'गली और मकान',
  'address.line2': 'फ़्लैट, मंज़िल (वैकल्पिक)',
  'address.postalCode': 'पिन कोड',
  'address.area': 'इलाका',
  'address.save': 'यह पता अगली बार के लिए सहेजें',

  'phone.share': 'मेरा Telegram नंबर लें',
  'phone.waiting': 'Telegram से आपके नंबर का इंतज़ार…',
  'phone.notShared': 'नंबर साझा नहीं हुआ। आप इसे लिख सकते हैं।',
  'phone.late': 'आपका नंबर अभी नहीं आया। आप इसे लिख सकते हैं।',
  'phone.hint': 'देश कोड के साथ, जैसे {example}',

  'pickup.point': 'पिकअप स्थान',
  'pickup.hours': 'खुला: {hours}',
  'pickup.map': 'नक्शा',

  'promo.label': 'प्रोमो कोड',
  'promo.apply': 'लागू करें',
  'promo.remove': 'हटाएँ',
  'promo.applied': 'कोड {code} लागू हुआ',
  'promo.reason.PROMO_NOT_FOUND': 'ऐसा कोई कोड नहीं है। वर्तनी जाँचें।',
  'promo.reason.PROMO_INACTIVE': 'यह कोड बंद है।',
  'promo.reason.PROMO_NOT_STARTED': 'यह कोड अभी मान्य नहीं है।',
  'promo.reason.PROMO_EXPIRED': 'यह कोड समाप्त हो चुका है।',
  'promo.reason.PROMO_MINIMUM_NOT_MET': 'यह कोड कम से कम {amount} के ऑर्डर पर लागू है।',
  'promo.reason.PROMO_USED_UP': 'इस कोड के सभी उपयोग हो चुके हैं।',
  'promo.reason.PROMO_ALREADY_USED': 'आप यह कोड पहले ही इस्तेमाल कर चुके हैं।',
  'promo.reason.PROMO_NOT_FOR_THESE_ITEMS': 'यह कोड आपकी कार्ट की किसी चीज़ पर लागू नहीं होता।',

  'note.label': 'दुकान के लिए नोट (वैकल्पिक)',
  'note.placeholder': 'दो बार घंटी बजाएँ, गिफ़्ट रैप…',

  'field.error.required': 'इसे भरें।',
  'field.error.too_long': 'यह बहुत लंबा है।',
  'field.error.invalid': 'यह मान जाँचें।',
  'field.error.phone_invalid': 'यह कॉल करने योग्य नंबर नहीं है। देश कोड जोड़ें।',
  'field.error.not_delivered_here': 'हम वहाँ डिलीवरी नहीं करते।',
  'field.error.unknown_choice': 'दिए गए विकल्पों में से एक चुनें।',

  'summary.title': 'कुल',
  'summary.subtotal': 'सामान',
  'summary.delivery': 'डिलीवरी',
  'summary.discount': 'छूट',
  'summary.total': 'कुल',
  'summary.pending': 'कुल देखने के लिए डिलीवरी विवरण भरें।',
  'summary.failed': 'कुल की गणना नहीं हो सकी।',
  'summary.retry': 'फिर कोशिश करें',

} satisfies Translation<CheckoutMessageKey>;
