// The "restricted" Pod Security Standard as this project applies it, for every pod it ships: the
// charts' pods and the development PostgreSQL of deploy/minikube.
import type { IPodSpec } from 'kubernetes-models/v1';
import { expect } from 'vitest';

/** The settings the "restricted" profile demands of a pod running as `uid` and each container. */
export function expectRestricted(pod: IPodSpec | undefined, uid: number): void {
  expect(pod?.securityContext).toEqual({
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: uid,
    fsGroup: uid,
    seccompProfile: { type: 'RuntimeDefault' },
  });
  expect(pod?.automountServiceAccountToken).toBe(false);
  expect(pod?.hostNetwork).toBeUndefined();
  expect(pod?.hostPID).toBeUndefined();
  expect(pod?.hostIPC).toBeUndefined();
  for (const container of pod?.containers ?? []) {
    expect(container.securityContext, container.name).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
  }
}
