// Owns the public face of "Sign in with Harvest": what the session and hosts import; the rest stays inside.
export {
  harvestIdFromEnv,
  signInWithHarvestOffered,
  signInWithHarvestProblem,
  DEFAULT_HARVEST_ID_URL,
  type HarvestIdConfig,
} from './config';
export { signInWithHarvest, type SignInOptions } from './sign-in';
export { refreshTokens, exchangeCode, type OAuthTokens } from './token';
export { listAccounts, harvestAccountsOnly, type HarvestIdAccount, type HarvestIdUser } from './accounts';
export { TokenSource, refreshDueAt, type TokenSourceOptions } from './token-source';
export {
  SignInError,
  SignInNotSetUpError,
  SignInCancelledError,
  SignInTimedOutError,
  SignInDeniedError,
  SignInForgedError,
  SignInRefusedError,
  SignInExpiredError,
  HarvestAppSettingsError,
  BrowserNotOpenedError,
  LoopbackUnavailableError,
  GrantRevokedError,
} from './errors';
