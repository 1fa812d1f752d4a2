{{/*
Helpers of the todo-backend chart. Resource names are fixed by the data model
(todo-backend, todo-backend-config, todo-backend-secret), not prefixed with the release name.
*/}}

{{/* Chart name, or nameOverride; used for app.kubernetes.io/name. */}}
{{- define "todo-backend.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Base name of every resource and value of the `app` label: fullnameOverride, else the name. */}}
{{- define "todo-backend.fullname" -}}
{{- default (include "todo-backend.name" .) .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Chart name and version, for the helm.sh/chart label. */}}
{{- define "todo-backend.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Image tag: image.tag, else the chart's appVersion. */}}
{{- define "todo-backend.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion | toString -}}
{{- end -}}

{{/* Full image reference: repository@digest when a digest is set, else repository:tag. */}}
{{- define "todo-backend.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (include "todo-backend.imageTag" .) -}}
{{- end -}}
{{- end -}}

{{/* Labels that select the pods; exactly `app: <name>` as the data model says. */}}
{{- define "todo-backend.selectorLabels" -}}
app: {{ include "todo-backend.fullname" . }}
{{- end -}}

{{/* The data model's five labels (plus helm.sh/chart) carried by every resource. */}}
{{- define "todo-backend.labels" -}}
{{ include "todo-backend.selectorLabels" . }}
{{ include "todo-backend.commonLabels" . }}
{{- end -}}

{{/* The labels of every resource except `app` (the test pod sets its own `app`). */}}
{{- define "todo-backend.commonLabels" -}}
app.kubernetes.io/name: {{ include "todo-backend.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ include "todo-backend.imageTag" . | replace "+" "_" | replace ":" "_" | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ include "todo-backend.chart" . }}
{{- end -}}

{{/* Name of the ConfigMap holding non-secret settings. */}}
{{- define "todo-backend.configMapName" -}}
{{- printf "%s-config" (include "todo-backend.fullname" .) -}}
{{- end -}}

{{/* Name of the Secret the pods read: existingSecret, else the one this chart creates. */}}
{{- define "todo-backend.secretName" -}}
{{- default (printf "%s-secret" (include "todo-backend.fullname" .)) .Values.existingSecret -}}
{{- end -}}

{{/* True ("true") when the chart renders its own Secret. */}}
{{- define "todo-backend.createSecret" -}}
{{- if not .Values.existingSecret -}}true{{- end -}}
{{- end -}}

{{/* ServiceAccount the pods run as: the created one, serviceAccount.name, or none (namespace default). */}}
{{- define "todo-backend.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "todo-backend.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* One probe (httpGet on the container port) from its values block. */}}
{{- define "todo-backend.probe" -}}
httpGet:
  path: {{ .probe.path }}
  port: {{ .port }}
initialDelaySeconds: {{ .probe.initialDelaySeconds }}
periodSeconds: {{ .probe.periodSeconds }}
timeoutSeconds: {{ .probe.timeoutSeconds }}
successThreshold: {{ .probe.successThreshold }}
failureThreshold: {{ .probe.failureThreshold }}
{{- end -}}

{{/* Fails rendering, listing every problem with what to set, when values are missing or inconsistent. */}}
{{- define "todo-backend.validateValues" -}}
{{- $errors := list -}}
{{- if not .Values.existingSecret -}}
{{- if not .Values.env.DATABASE_URL -}}
{{- $errors = append $errors "todo-backend: env.DATABASE_URL is required. Set it with --set env.DATABASE_URL='postgresql://USER:PASSWORD@HOST/DB?sslmode=require', or set existingSecret to the name of a Secret holding the keys database-url and better-auth-secret." -}}
{{- end -}}
{{- if not .Values.env.BETTER_AUTH_SECRET -}}
{{- $errors = append $errors "todo-backend: env.BETTER_AUTH_SECRET is required. Set it with --set env.BETTER_AUTH_SECRET=$(openssl rand -base64 32) (at least 32 characters, the same value as the todo-frontend release), or set existingSecret to the name of a Secret holding the keys database-url and better-auth-secret." -}}
{{- else if lt (len .Values.env.BETTER_AUTH_SECRET) 32 -}}
{{- $errors = append $errors (printf "todo-backend: env.BETTER_AUTH_SECRET must be at least 32 characters (got %d). Set a longer one with --set env.BETTER_AUTH_SECRET=$(openssl rand -base64 32)." (len .Values.env.BETTER_AUTH_SECRET)) -}}
{{- end -}}
{{- end -}}
{{- if and .Values.autoscaling.enabled (gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) -}}
{{- $errors = append $errors "todo-backend: autoscaling.minReplicas must not exceed autoscaling.maxReplicas." -}}
{{- end -}}
{{- if and .Values.podDisruptionBudget.enabled (not (kindIs "invalid" .Values.podDisruptionBudget.minAvailable)) (not (kindIs "invalid" .Values.podDisruptionBudget.maxUnavailable)) -}}
{{- $errors = append $errors "todo-backend: set only one of podDisruptionBudget.minAvailable and podDisruptionBudget.maxUnavailable (set the other to null)." -}}
{{- end -}}
{{- if $errors -}}
{{- fail (printf "\n%s" (join "\n" $errors)) -}}
{{- end -}}
{{- end -}}
