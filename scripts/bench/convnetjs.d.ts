// ConvNetJS ships no types; contenders.ts describes the parts it uses (interface ConvNet).
declare module 'convnetjs';
