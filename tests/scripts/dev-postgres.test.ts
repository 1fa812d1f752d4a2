// The development PostgreSQL that `scripts/minikube-deploy.sh --dev-postgres` applies passes the
// same "restricted" Pod Security checks as the charts' pods (issue 9 item 5).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDeployment } from 'kubernetes-models/apps/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from '../charts/helm.js';
import { validateObject } from '../charts/kubernetes-schema.js';
import { expectRestricted } from '../charts/pod-security.js';
import { repoRoot } from './support/private-checkout.js';

/** The Alpine image's own postgres user and group. */
const POSTGRES_UID = 70;

const objects = parseAllDocuments(
  readFileSync(path.join(repoRoot, 'deploy/minikube/dev-postgres.yaml'), 'utf8'),
).map((document) => document.toJS() as K8sObject);

describe('deploy/minikube/dev-postgres.yaml', () => {
  it('is a valid Service and Deployment', () => {
    expect(objects.map((object) => object.kind)).toEqual(['Service', 'Deployment']);
    for (const object of objects) validateObject(object);
  });

  it('meets the restricted Pod Security Standard, on a read-only root with its writable folders mounted', () => {
    const deployment = objects.find((object) => object.kind === 'Deployment') as IDeployment;
    const pod = deployment.spec?.template.spec;
    expectRestricted(pod, POSTGRES_UID);
    const mounts = pod?.containers[0]?.volumeMounts?.map((mount) => mount.mountPath);
    expect(mounts).toEqual(['/var/lib/postgresql/data', '/var/run/postgresql', '/tmp']);
    // The entrypoint cannot chmod the mount point as a non-root user: the cluster lives below it.
    const env = pod?.containers[0]?.env?.find((variable) => variable.name === 'PGDATA');
    expect(env?.value).toBe('/var/lib/postgresql/data/pgdata');
  });
});
