<#import "/lib/k8s.ftl" as k>
<#-- The alert rules of one app (alerts/AlertRules decides them): a PrometheusRule, or the same groups as a -->
<#-- plain Prometheus rules file. -->
<#if file.prometheusRule>
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: ${k.scalar(file.name)}
  namespace: ${k.scalar(file.namespace)}
<#if file.ruleLabels?has_content>
  labels:
<#list file.sortedRuleLabels() as label>
    ${k.scalar(label.key)}: ${k.q(label.value)}
</#list>
</#if>
spec:
<#assign i = "  ">
<#else>
<#assign i = "">
</#if>
${i}groups:
${i}  - name: ${k.scalar(file.name)}
${i}    rules:
<#list file.rules as rule>
${i}      - alert: ${k.scalar(rule.alert)}
${i}        expr: ${k.q(rule.expr)}
<#if rule.forDuration.present>
${i}        for: ${k.scalar(rule.forDuration.get())}
</#if>
${i}        labels:
<#list rule.sortedLabels() as label>
${i}          ${k.scalar(label.key)}: ${k.q(label.value)}
</#list>
${i}        annotations:
<#list rule.sortedAnnotations() as annotation>
${i}          ${k.scalar(annotation.key)}: ${k.q(annotation.value)}
</#list>
</#list>
