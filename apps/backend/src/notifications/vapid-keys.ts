import { createECDH, hkdfSync } from 'node:crypto';

/** A VAPID key pair as web-push and PushManager.subscribe take it: base64url, uncompressed point. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

// P-256's group order: a private scalar must lie in [1, n-1].
const P256_ORDER = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');
const DERIVATION_LABEL = 'todo-backend VAPID P-256 key v1';

function publicKeyOf(privateKey: Buffer): Buffer {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(privateKey);
  return ecdh.getPublicKey();
}

/**
 * The key pair every replica derives from the same BETTER_AUTH_SECRET (HKDF-SHA256 with a fixed
 * label), so push works without configuration and all replicas sign alike. Changing the secret
 * changes the key, and browsers subscribed with the old one must subscribe again.
 */
export function deriveVapidKeys(secret: string): VapidKeys {
  // A 32-byte HKDF output falls outside [1, n-1] with probability ~2^-32; the counter moves past it.
  for (let counter = 0; ; counter++) {
    const scalar = Buffer.from(
      hkdfSync('sha256', secret, '', `${DERIVATION_LABEL}/${counter}`, 32),
    );
    const value = BigInt(`0x${scalar.toString('hex')}`);
    if (value > 0n && value < P256_ORDER) {
      return {
        publicKey: publicKeyOf(scalar).toString('base64url'),
        privateKey: scalar.toString('base64url'),
      };
    }
  }
}

/** What is wrong with a configured key pair, or null; never quotes the private key. */
export function vapidKeysProblem(keys: VapidKeys): string | null {
  const privateKey = Buffer.from(keys.privateKey, 'base64url');
  if (privateKey.length !== 32 || privateKey.toString('base64url') !== keys.privateKey.trim())
    return 'VAPID_PRIVATE_KEY must be a base64url P-256 private key (32 bytes)';
  const publicKey = Buffer.from(keys.publicKey, 'base64url');
  if (publicKey.length !== 65 || publicKey[0] !== 4)
    return 'VAPID_PUBLIC_KEY must be a base64url uncompressed P-256 public key (65 bytes)';
  let derived: Buffer;
  try {
    derived = publicKeyOf(privateKey);
  } catch {
    return 'VAPID_PRIVATE_KEY must be a base64url P-256 private key (32 bytes)';
  }
  if (!derived.equals(publicKey))
    return 'VAPID_PUBLIC_KEY is not the public key of VAPID_PRIVATE_KEY';
  return null;
}
