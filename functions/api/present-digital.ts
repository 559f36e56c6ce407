import type { DigitalDelivery } from '../core/digital/digital-content';
import type { DigitalItemJson } from '../../contract/order-json';

/** A paid digital line for its customer: the keys or text as they are, a file by name and size (never its storage key). */
export function presentDigitalItem(item: DigitalDelivery): DigitalItemJson {
  switch (item.kind) {
    case 'file':
      return { productId: item.productId, title: item.title, kind: 'file', fileName: item.file.fileName, sizeBytes: item.file.sizeBytes };
    case 'license_keys':
      return { productId: item.productId, title: item.title, kind: 'license_keys', keys: item.keys };
    case 'text':
      return { productId: item.productId, title: item.title, kind: 'text', text: item.text };
  }
}
