// ❌ Bad: Hardcoded in source code (Report Flow "Security Best Practices", seed example)
const APP_KEY = 'hardcoded-key';

export function headers() {
  return { appkey: APP_KEY, 'Content-Type': 'application/json' };
}
