export { AccountsPage } from './AccountsPage';
export { RegistryPage } from './RegistryPage';
export { RebuildPage } from './RebuildPage';
