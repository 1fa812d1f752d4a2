// todo-backend's webhook egress (issue 12): restricted egress lets webhooks reach their receivers.
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { describe, expect, it } from 'vitest';
import { find, render, templateRaw } from './helm.js';

const restricted = { networkPolicy: { enabled: true, egress: { enabled: true } } };

async function egressOf(values: Record<string, unknown>) {
  const objects = await render('todo-backend', { values: { ...restricted, ...values } });
  return find<INetworkPolicy>(objects, 'NetworkPolicy').spec?.egress ?? [];
}

describe('todo-backend webhook values', () => {
  it('reaches receivers on 443 by default, with the rule push already has and no other', async () => {
    const egress = await egressOf({});
    expect(egress.at(-1)).toEqual({ ports: [{ port: 443, protocol: 'TCP' }] });
    const ports = egress.flatMap((rule) => rule.ports ?? []).map((port) => port.port);
    expect(ports.filter((port) => port === 443)).toHaveLength(1);
  });

  it('opens the other ports webhooks.egressPorts names, to any address, once each', async () => {
    const egress = await egressOf({ webhooks: { egressPorts: [443, 8443, 9000, 8443] } });
    expect(egress.slice(-2)).toEqual([
      { ports: [{ port: 443, protocol: 'TCP' }] },
      {
        ports: [
          { port: 8443, protocol: 'TCP' },
          { port: 9000, protocol: 'TCP' },
        ],
      },
    ]);
  });

  it('refuses a port that is not one, saying which value', async () => {
    const result = await templateRaw('todo-backend', {
      values: { webhooks: { egressPorts: [70000] } },
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('egressPorts');
  });
});
