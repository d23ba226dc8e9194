{{- define "zyntra.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "zyntra.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "zyntra.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "zyntra.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "zyntra.secretName" -}}
{{- .Values.existingSecret | default (printf "%s-env" (include "zyntra.fullname" .)) -}}
{{- end -}}

{{/* Environment shared by api and worker pods; the role's own list follows it. */}}
{{- define "zyntra.appEnv" -}}
envFrom:
  - configMapRef:
      name: {{ include "zyntra.fullname" .root }}-config
  - secretRef:
      name: {{ include "zyntra.secretName" .root }}
env:
  - name: ROLE
    value: {{ .role }}
  - name: HOST
    value: "0.0.0.0"
  - name: PORT
    value: "3000"
  - name: MIGRATE_ON_START
    value: {{ ternary "false" "true" .root.Values.migrations.enabled | quote }}
  {{- range $name, $value := .env }}
  - name: {{ $name }}
    value: {{ $value | quote }}
  {{- end }}
{{- end -}}

{{- define "zyntra.checksums" -}}
checksum/config: {{ include (print .Template.BasePath "/configmap.yaml") . | sha256sum }}
checksum/secret: {{ include (print .Template.BasePath "/secret.yaml") . | sha256sum }}
{{- end -}}
