class AppConfig {
  static const apiBase = 'https://api.acme-mobile.io';
  static const svgNamespace = 'http://www.w3.org/2000/svg';
  static const tokenStorageKey = 'auth_token';
  static const refreshTokenStorageKey = 'refresh_token';
  static const privacyPolicyUrl = 'https://acme-mobile.io/privacy';
  static const debugProxy = 'http://localhost:8888';
  static const sentryDsn = String.fromEnvironment('SENTRY_DSN');
}
