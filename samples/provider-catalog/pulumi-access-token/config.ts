export const config = {
  apiKey: 'pul-29ac4a4749575c99cf5f79e809c01cc814018707',
};
