import type { ReactNode } from 'react';
import { useApp } from '../../hooks/useSession';
import { useRemovedFromWorkshop } from './removal';

/**
 * Renders its children (the app's token renewal) only while the open workspace's token is one the
 * workshop host still honours: once the facilitator has removed its holder, renewing it can only be
 * refused, again and again, so it is not asked for at all (the workshop banner says once why).
 */
export function UnlessRemovedFromWorkshop({ children }: { children: ReactNode }) {
  const { access } = useApp();
  return useRemovedFromWorkshop(access?.token ?? null) ? null : children;
}
