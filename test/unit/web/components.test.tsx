// Rendered to static HTML in Node with an injected platform: no Telegram, no DOM needed.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/platform/api-client';
import { createBrowserPlatform, type MainButtonState, type Platform } from '../../../src/platform/platform';
import { PlatformContext } from '../../../src/platform/services';
import { ErrorView } from '../../../src/ui/error-view';
import { OrderStatusBadge } from '../../../src/ui/order-status';
import { OrderSummary } from '../../../src/ui/order-summary';
import { PrimaryAction } from '../../../src/ui/primary-action';
import { makeOrder } from './fixtures';

function render(node: React.ReactNode, platform: Platform = createBrowserPlatform()) {
  return renderToStaticMarkup(<PlatformContext.Provider value={platform}>{node}</PlatformContext.Provider>);
}

const telegram = (): Platform & { main: MainButtonState[] } => {
  const main: MainButtonState[] = [];
  return { ...createBrowserPlatform(), insideTelegram: true, main, setMainButton: (s) => void (s && main.push(s)) };
};

describe('PrimaryAction', () => {
  it('renders the in-page fallback button outside Telegram', () => {
    const html = render(<PrimaryAction text="Add to cart" onClick={() => {}} />);
    expect(html).toContain('data-testid="main-button-fallback"');
    expect(html).toContain('Add to cart');
  });
  it('renders nothing in the page inside Telegram (the MainButton is drawn by Telegram)', () => {
    expect(render(<PrimaryAction text="Add to cart" onClick={() => {}} />, telegram())).toBe('');
  });
});

describe('ErrorView', () => {
  it('offers a retry for a network-ish failure', () => {
    const html = render(<ErrorView error={new ApiError(503, 'HTTP_503', '')} onRetry={() => {}} />);
    expect(html).toContain('data-testid="error-view"');
    expect(html).toContain('data-testid="retry"');
  });
  it('asks to close and reopen inside Telegram when initData expired', () => {
    const html = render(<ErrorView error={new ApiError(401, 'INIT_DATA_EXPIRED', 'old')} onRetry={() => {}} />, telegram());
    expect(html).toContain('Close and reopen');
    expect(html).not.toContain('data-testid="retry"');
  });
  it('offers a reload in a browser when initData expired', () => {
    expect(render(<ErrorView error={new ApiError(401, 'INIT_DATA_EXPIRED', 'old')} />)).toContain('Reload the shop');
  });
});

describe('order views', () => {
  it('shows a word a person reads, with the status code in data-status', () => {
    const html = render(<OrderStatusBadge status="ready_for_pickup" />);
    expect(html).toContain('>Ready for pickup</span>');
    expect(html).toContain('data-status="ready_for_pickup"');
    expect(render(<OrderStatusBadge status="paid" />)).toContain('>Paid</span>');
  });
  it('lists lines and the total the server priced', () => {
    const html = render(<OrderSummary order={makeOrder()} />);
    expect(html).toContain('data-testid="order-summary"');
    expect(html).toContain('2 × 1.5 TON');
    expect(html).toContain('3 TON');
  });
});
