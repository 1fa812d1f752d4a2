// Validates rendered objects against the Kubernetes OpenAPI schemas shipped in kubernetes-models
// (and the Prometheus Operator's CRD schemas, for the ServiceMonitor).

import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Pod, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import type { K8sObject } from './helm.js';

interface Validatable {
  validate(): void;
}

type ModelFactory = (object: K8sObject) => Validatable;

// Every kind the charts may render; anything else is a test failure.
const models: Record<string, ModelFactory> = {
  'apps/v1/Deployment': (o) => new Deployment(o as never),
  'autoscaling/v2/HorizontalPodAutoscaler': (o) => new HorizontalPodAutoscaler(o as never),
  'batch/v1/Job': (o) => new Job(o as never),
  'monitoring.coreos.com/v1/ServiceMonitor': (o) => new ServiceMonitor(o as never),
  'networking.k8s.io/v1/Ingress': (o) => new Ingress(o as never),
  'networking.k8s.io/v1/NetworkPolicy': (o) => new NetworkPolicy(o as never),
  'policy/v1/PodDisruptionBudget': (o) => new PodDisruptionBudget(o as never),
  'v1/ConfigMap': (o) => new ConfigMap(o as never),
  'v1/Pod': (o) => new Pod(o as never),
  'v1/Secret': (o) => new Secret(o as never),
  'v1/Service': (o) => new Service(o as never),
  'v1/ServiceAccount': (o) => new ServiceAccount(o as never),
};

/** Throws with the object's kind and name when it does not match the Kubernetes schema. */
export function validateObject(object: K8sObject): void {
  const key = `${object.apiVersion}/${object.kind}`;
  const model = models[key];
  if (!model) throw new Error(`no Kubernetes schema for ${key} (${object.metadata?.name})`);
  try {
    model(object).validate();
  } catch (error) {
    throw new Error(`${key} ${object.metadata.name}: ${(error as Error).message}`);
  }
}
