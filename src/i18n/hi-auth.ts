import type { AuthMessageKey } from './en-auth';
import type { Translation } from './types';

// Hindi messages of the sign-in and account screens (see en-auth.ts).
export const hiAuth = {
  'signIn.title': 'साइन इन करें',
  'signIn.intro': 'चेकआउट करने और अपने ऑर्डर देखने के लिए साइन इन करें। दुकान देखने के लिए खाते की ज़रूरत नहीं है।',
  'signIn.ended': 'आपका साइन-इन समाप्त हो गया है। जारी रखने के लिए फिर से साइन इन करें।',
  'signIn.telegramTitle': 'Telegram से',
  'signIn.telegramHint': 'दुकान के Telegram ऐप में दिए गए ऑर्डर यहाँ भी दिखेंगे।',
  'signIn.telegramButton': 'Telegram से लॉग इन करें',
  'signIn.telegramUnavailable': 'Telegram का साइन-इन बटन लोड नहीं हुआ। अगर आपके यहाँ Telegram बंद है, तो TON वॉलेट से साइन इन करें।',
  'signIn.walletTitle': 'TON वॉलेट से',
  'signIn.walletHint': 'Telegram की ज़रूरत नहीं: आपका वॉलेट इस दुकान के लिए एक बार का कोड साइन करता है। कोई भुगतान नहीं होता।',
  'signIn.walletButton': 'TON वॉलेट से साइन इन करें',
  'signIn.walletBusy': 'आपके वॉलेट का इंतज़ार है…',
  'signIn.signingIn': 'साइन इन हो रहा है…',
  'signIn.failed': 'हम आपको साइन इन नहीं कर सके',
  'signIn.walletRefused': 'आपके वॉलेट ने साइन-इन अनुरोध साइन नहीं किया। फिर से कोशिश करें या कोई दूसरा वॉलेट चुनें।',
  'signIn.alreadySignedIn': 'आप साइन इन हैं।',

  'account.title': 'मेरा खाता',
  'account.loading': 'आपका खाता लोड हो रहा है',
  'account.telegram': 'Telegram',
  'account.telegramId': 'ID {id}',
  'account.wallet': 'TON वॉलेट',
  'account.notLinked': 'जुड़ा नहीं है',
  'account.linkTelegramHint': 'अपना Telegram खाता जोड़ें, ताकि आप किसी से भी साइन इन कर सकें और आपके सारे ऑर्डर एक जगह रहें।',
  'account.linkWallet': 'TON वॉलेट जोड़ें',
  'account.linkWalletHint': 'TON वॉलेट जोड़ें, ताकि जहाँ Telegram न खुले वहाँ भी साइन इन कर सकें।',
  'account.linked': 'जुड़ गया।',
  'account.linkFailed': 'हम इसे जोड़ नहीं सके',
  'account.viaMiniApp': 'आप दुकान के Telegram ऐप से साइन इन हैं।',
  'account.signOut': 'साइन आउट करें',
  'account.orders': 'मेरे ऑर्डर',
} satisfies Translation<AuthMessageKey>;
