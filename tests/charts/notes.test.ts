// NOTES.txt tells the operator how to reach the app for each Service type and for an Ingress.
import { describe, expect, it } from 'vitest';
import { notes } from './helm.js';

describe('todo-frontend NOTES.txt', () => {
  it('gives the Minikube command and the node port for the default NodePort Service', async () => {
    const text = await notes('todo-frontend');
    expect(text).toContain('minikube service todo-frontend --url');
    expect(text).toContain('NodePort (30000)');
    expect(text).toContain('helm test todo-frontend');
  });

  it('gives a port-forward for ClusterIP', async () => {
    const text = await notes('todo-frontend', { set: { 'service.type': 'ClusterIP' } });
    expect(text).toContain(
      'kubectl --namespace default port-forward service/todo-frontend 3000:3000',
    );
    expect(text).not.toContain('minikube service');
  });

  it('explains LoadBalancer and Ingress addresses', async () => {
    const text = await notes('todo-frontend', {
      set: { 'service.type': 'LoadBalancer', 'ingress.enabled': true },
    });
    expect(text).toContain('minikube tunnel');
    expect(text).toContain('.status.loadBalancer.ingress[0].ip');
    expect(text).toContain('http://todo.local/');
  });
});

describe('todo-backend NOTES.txt', () => {
  it('gives a port-forward for the default ClusterIP Service and suggests /ready', async () => {
    const text = await notes('todo-backend');
    expect(text).toContain(
      'kubectl --namespace default port-forward service/todo-backend 8000:8000',
    );
    expect(text).toContain('--set readinessProbe.path=/ready');
  });

  it('stops suggesting /ready once readiness uses it', async () => {
    const text = await notes('todo-backend', { set: { 'readinessProbe.path': '/ready' } });
    expect(text).not.toContain('--set readinessProbe.path=/ready');
  });

  it('gives the Minikube command for NodePort', async () => {
    const text = await notes('todo-backend', { set: { 'service.type': 'NodePort' } });
    expect(text).toContain('minikube service todo-backend --url');
  });
});
