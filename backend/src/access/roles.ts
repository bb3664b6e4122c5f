// The role model is part of the contract: the console hides what a role cannot do with the same rule.
export { roleAtLeast, ROLES, type Role } from '@tradeassist/shared-types';
