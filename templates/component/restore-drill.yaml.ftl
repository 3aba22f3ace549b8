<#import "/lib/k8s.ftl" as k>
<#assign policy = drill.policy()>
apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${k.scalar(drill.name)}
spec:
  schedule: ${k.q(drill.schedule)}
  concurrencyPolicy: ${k.scalar(policy.concurrencyPolicy)}
  successfulJobsHistoryLimit: ${policy.successfulJobsHistoryLimit?c}
  failedJobsHistoryLimit: ${policy.failedJobsHistoryLimit?c}
  jobTemplate:
    spec:
      backoffLimit: ${policy.backoffLimit?c}
      template:
        metadata:
          labels:
            app.kubernetes.io/component: restore-drill
        spec:
          restartPolicy: ${k.scalar(policy.restartPolicy)}
          initContainers:
<#list drill.initContainers as container>
<@k.container container 14/>
</#list>
          containers:
<#list drill.containers as container>
<@k.container container 14/>
</#list>
          volumes:
<#list drill.volumes as volume>
<@k.volume volume 12/>
</#list>
