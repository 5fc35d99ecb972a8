export * from './profiles';
export * from './deadline';
