{{/*
What only the backend adds to the templates shared with todo-frontend (_helpers.tpl, deployment.yaml).
*/}}

{{/* Environment of the app container after the two secrets. */}}
{{- define "todo-backend.appEnv" -}}
- name: CORS_ORIGINS
  valueFrom:
    configMapKeyRef:
      name: {{ include "todo-backend.configMapName" . }}
      key: cors-origins
- name: LOG_LEVEL
  value: {{ .Values.env.LOG_LEVEL | quote }}
# With the migration Job, migrations ran before this pod was created.
- name: MIGRATE_ON_START
  value: {{ and .Values.env.MIGRATE_ON_START (not .Values.migrationJob.enabled) | toString | quote }}
- name: NODE_ENV
  value: "production"
- name: SHUTDOWN_TIMEOUT_MS
  value: {{ mul .Values.drainSeconds 1000 | toString | quote }}
# /metrics is served only on this port, which no Service of the API exposes.
- name: METRICS_PORT
  value: {{ .Values.metrics.port | toString | quote }}
{{- include "todo-backend.reminderEnv" . }}
{{- end -}}

{{/* Reminder settings, each only when its value is set (the defaults add nothing to the pod). */}}
{{- define "todo-backend.reminderEnv" -}}
{{- $reminders := .Values.reminders -}}
{{- with $reminders.publicAppUrl }}
- name: PUBLIC_APP_URL
  value: {{ . | quote }}
{{- end }}
{{- with $reminders.push.vapidSubject }}
- name: VAPID_SUBJECT
  value: {{ . | quote }}
{{- end }}
{{- with $reminders.push.existingSecret }}
- name: VAPID_PUBLIC_KEY
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $reminders.push.publicKeyKey }}
- name: VAPID_PRIVATE_KEY
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $reminders.push.privateKeyKey }}
{{- end }}
{{- with $reminders.email.existingSecret }}
- name: SMTP_URL
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $reminders.email.smtpUrlKey }}
- name: MAIL_FROM
  value: {{ $reminders.email.mailFrom | quote }}
{{- end }}
{{- end -}}

{{/* Container ports beyond http: the metrics port, declared when scraping is configured. */}}
{{- define "todo-backend.appPorts" -}}
{{- if or .Values.metrics.enabled .Values.metrics.serviceMonitor.enabled -}}
- name: metrics
  containerPort: {{ .Values.metrics.port }}
  protocol: TCP
{{- end -}}
{{- end -}}

{{/* Pod annotations beyond the checksums: Prometheus's scrape annotations. */}}
{{- define "todo-backend.appPodAnnotations" -}}
{{- if .Values.metrics.enabled -}}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .Values.metrics.port | quote }}
prometheus.io/path: "/metrics"
{{- end -}}
{{- end -}}

{{/* Volume mounts beyond /tmp: none. */}}
{{- define "todo-backend.appVolumeMounts" -}}
{{- end -}}

{{/* Volumes beyond tmp: none. */}}
{{- define "todo-backend.appVolumes" -}}
{{- end -}}

{{/* One line per problem with the backend's own values (validateValues reports them with the rest). */}}
{{- define "todo-backend.appValidationErrors" -}}
{{- if and .Values.networkPolicy.enabled (or .Values.metrics.enabled .Values.metrics.serviceMonitor.enabled) (not .Values.networkPolicy.metricsFrom) }}
todo-backend: networkPolicy.metricsFrom is empty, so the NetworkPolicy would keep Prometheus out of the metrics port. Set it to your Prometheus's peers, e.g. [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}].
{{- end }}
{{- if eq (int .Values.metrics.port) (int .Values.containerPort) }}
todo-backend: metrics.port must differ from containerPort ({{ .Values.containerPort }}): /metrics must stay off the port the Service exposes.
{{- end }}
{{- if and .Values.reminders.email.existingSecret (not .Values.reminders.email.mailFrom) }}
todo-backend: reminders.email.mailFrom is required with reminders.email.existingSecret: the sender, e.g. --set reminders.email.mailFrom='Todo <todo@example.com>'.
{{- end }}
{{- if and .Values.reminders.email.existingSecret (not .Values.reminders.publicAppUrl) }}
todo-backend: reminders.publicAppUrl is required with reminders.email.existingSecret: the frontend's public origin links in emails open, e.g. --set reminders.publicAppUrl=https://todo.example.com.
{{- end }}
{{- end -}}

{{/* Egress rules beyond DNS and the database: Web Push services (HTTPS anywhere) and, with email, SMTP. */}}
{{- define "todo-backend.appEgressRules" -}}
# Push services (FCM, Mozilla, Apple) live at changing public addresses.
- ports:
    - port: 443
      protocol: TCP
{{- if .Values.reminders.email.existingSecret }}
- ports:
    - port: {{ .Values.reminders.email.smtpPort }}
      protocol: TCP
{{- end }}
{{- $webhookPorts := list }}
{{- range .Values.webhooks.egressPorts }}
{{- if and (ne (int .) 443) (not (has (int .) $webhookPorts)) }}
{{- $webhookPorts = append $webhookPorts (int .) }}
{{- end }}
{{- end }}
{{- if $webhookPorts }}
# Webhook receivers, at users' public addresses, on ports other than 443.
- ports:
    {{- range $webhookPorts }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
{{- end }}
{{- end -}}
