{{/*
What only the frontend adds to the templates shared with todo-backend (_helpers.tpl, deployment.yaml).
*/}}

{{/* Environment of the app container after the two secrets. */}}
{{- define "todo-frontend.appEnv" -}}
- name: NODE_ENV
  valueFrom:
    configMapKeyRef:
      name: {{ include "todo-frontend.configMapName" . }}
      key: node-env
- name: BACKEND_URL
  valueFrom:
    configMapKeyRef:
      name: {{ include "todo-frontend.configMapName" . }}
      key: backend-url
{{- if .Values.env.BETTER_AUTH_URL }}
- name: BETTER_AUTH_URL
  valueFrom:
    configMapKeyRef:
      name: {{ include "todo-frontend.configMapName" . }}
      key: better-auth-url
{{- end }}
{{- if .Values.env.TRUSTED_PROXIES }}
- name: TRUSTED_PROXIES
  valueFrom:
    configMapKeyRef:
      name: {{ include "todo-frontend.configMapName" . }}
      key: trusted-proxies
{{- end }}
# Kubernetes sets HOSTNAME to the pod name; Next.js must bind every interface.
- name: HOSTNAME
  value: "0.0.0.0"
{{- end -}}

{{/* Container ports beyond http: none. */}}
{{- define "todo-frontend.appPorts" -}}
{{- end -}}

{{/* Pod annotations beyond the checksums: none. */}}
{{- define "todo-frontend.appPodAnnotations" -}}
{{- end -}}

{{/* Volume mounts beyond /tmp: the Next.js cache (fetch and image caches). */}}
{{- define "todo-frontend.appVolumeMounts" -}}
- name: next-cache
  mountPath: /app/apps/frontend/.next/cache
{{- end -}}

{{/* Volumes beyond tmp: the Next.js cache. */}}
{{- define "todo-frontend.appVolumes" -}}
- name: next-cache
  {{- include "todo-frontend.emptyDir" . | nindent 2 }}
{{- end -}}

{{/* Egress rules beyond DNS and the database: the backend's pods, which the server side calls. */}}
{{- define "todo-frontend.appEgressRules" -}}
- ports:
    - port: {{ .Values.networkPolicy.egress.backendPort }}
      protocol: TCP
  to:
    - podSelector:
        matchLabels:
          app: {{ .Values.networkPolicy.egress.backendApp }}
{{- end -}}

{{/* One line per problem with the frontend's own values: none beyond the shared checks. */}}
{{- define "todo-frontend.appValidationErrors" -}}
{{- end -}}
