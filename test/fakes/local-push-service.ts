// A push service on this machine: web-push-testing (github.com/marc1706/web-push-testing) run in-process.
// It speaks the real Web Push protocol: it hands out subscriptions as a browser's push service would
// (endpoint, P-256 key, auth secret), checks each message's VAPID JWT against the key the subscription was
// made with, decrypts the aes128gcm body (RFC 8291) and keeps the plain text for the test to read. It
// answers 201 to a good message, 410 once a subscription is expired, 400 to anything wrong.
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);

interface PushApiModel {
  notifyUrl: string;
  subscribe(options: { applicationServerKey: string }): Promise<LocalSubscription>;
  expireSubscription(clientHash: string): void;
  getNotifications(body: { clientHash: string }): { messages: string[] };
}
interface TestingServer {
  startServer(): void;
  _server: Server;
}

/** PushSubscription.toJSON() as the local service hands it out, with its id there (`clientHash`). */
export interface LocalSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  clientHash: string;
}

export interface LocalPushService {
  /** Where it listens, e.g. http://localhost:54321. */
  url: string;
  /** A new subscription for a page that subscribes with this VAPID public key (as PushManager.subscribe would get). */
  subscribe(applicationServerKey: string): Promise<LocalSubscription>;
  /** The decrypted messages that reached this subscription, oldest first. */
  messages(clientHash: string): string[];
  /** The browser lets the subscription go: later messages to it are answered 410 Gone. */
  expire(clientHash: string): void;
  close(): Promise<void>;
}

export async function startLocalPushService(): Promise<LocalPushService> {
  const { PushApiModel } = require('web-push-testing/src/PushApiModel.js') as { PushApiModel: new () => PushApiModel };
  const WebPushTestingServer = require('web-push-testing/src/server.js') as new (model: PushApiModel, port: number) => TestingServer;
  const model = new PushApiModel();
  const server = new WebPushTestingServer(model, 0);
  // It prints one line when it listens; the suite's output stays quiet.
  const log = console.log;
  console.log = () => {};
  try {
    server.startServer();
    await new Promise<void>((resolve, reject) => {
      server._server.once('listening', resolve);
      server._server.once('error', reject);
    });
  } finally {
    console.log = log;
  }
  const { port } = server._server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  // Port 0 picked a free port; the endpoints it hands out name the real one.
  model.notifyUrl = `${url}/notify/`;
  return {
    url,
    subscribe: (applicationServerKey) => model.subscribe({ applicationServerKey }),
    messages: (clientHash) => model.getNotifications({ clientHash }).messages,
    expire: (clientHash) => model.expireSubscription(clientHash),
    close: () =>
      new Promise((resolve, reject) => {
        server._server.close((error) => (error ? reject(error) : resolve()));
        server._server.closeAllConnections();
      }),
  };
}
