import type { MessageKey } from './en';
import type { Translation } from './types';

// Hindi. Hindi plurals have one (0 and 1) and other. Numbers come from t() in Intl's default digits
// for hi (Latin, Indian grouping); docs/decisions explains why Devanagari digits are not forced.
export const hi = {
  'app.name': 'Bazaar',
  'app.devBanner': 'डेवलपर मोड: सर्वर के पास बॉट टोकन नहीं है, इसलिए वह आपको डेमो ग्राहक के रूप में साइन इन करता है।',
  'nav.back': 'वापस',
  'nav.cart': 'कार्ट',
  'nav.cartWithCount': { one: 'कार्ट, {count} आइटम', other: 'कार्ट, {count} आइटम' },
  'nav.orders': 'मेरे ऑर्डर',
  'nav.admin': 'दुकान संभालें',
  'nav.signIn': 'साइन इन करें',
  'nav.account': 'मेरा खाता',
  'nav.skip': 'मुख्य सामग्री पर जाएँ',
  'nav.home': 'कैटलॉग पर वापस जाएँ',
  'nav.language': 'भाषा',

  'catalog.searchLabel': 'उत्पाद खोजें',
  'catalog.searchPlaceholder': 'खोजें',
  'catalog.categories': 'श्रेणियाँ',
  'catalog.all': 'सभी',
  'catalog.emptyTitle': 'अलमारियाँ खाली हैं',
  'catalog.emptyBody': 'अभी बिक्री के लिए कुछ नहीं है। जल्द ही फिर देखें।',
  'catalog.noResultsTitle': 'कुछ नहीं मिला',
  'catalog.noResultsBody': '“{query}” से मेल खाता कोई उत्पाद नहीं है।',
  'catalog.noResultsInCategory': 'इस श्रेणी में अभी कोई उत्पाद नहीं है।',
  'catalog.clearSearch': 'खोज साफ़ करें',
  'catalog.showAll': 'सभी उत्पाद दिखाएँ',

  'product.add': 'जोड़ें',
  'product.addToCart': 'कार्ट में जोड़ें',
  'product.addNamed': '{title} कार्ट में जोड़ें',
  'product.outOfStock': 'स्टॉक में नहीं',
  'product.wasPrice': 'पहले {price}',
  'product.imageAlt': '{title}',

  'cart.increase': 'एक और {title}',
  'cart.decrease': 'एक कम {title}',
  'cart.remove': '{title} हटाएँ',

  'error.title': 'कुछ गड़बड़ हो गई',
  'error.network': 'हम दुकान तक नहीं पहुँच सके। अपना कनेक्शन जाँचें और फिर से कोशिश करें।',
  'error.server': 'दुकान की ओर से कोई समस्या हुई। थोड़ी देर में फिर से कोशिश करें।',
  'error.retry': 'फिर से कोशिश करें',
  'error.sessionExpiredTitle': 'आपका सत्र समाप्त हो गया है',
  'error.sessionExpired': 'जारी रखने के लिए दुकान बंद करें और Telegram से फिर से खोलें।',
  'error.sessionMissing': 'अपने ऑर्डर देखने और चेकआउट करने के लिए दुकान Telegram से खोलें।',
  'error.reopen': 'बंद करके फिर से खोलें',
  'error.reload': 'दुकान फिर से लोड करें',
  'error.notFoundTitle': 'नहीं मिला',
  'error.pageNotFound': 'इस पते पर कोई पेज नहीं है।',
} satisfies Translation<MessageKey>;
