<#import "/lib/k8s.ftl" as k>
<#-- The containers macro writes list items for a pod spec 6 spaces deep; a CronJob's is 6 deeper. -->
<#macro deeper c><#assign text><@k.container c/></#assign>${text?replace("(?m)^(?=.)", "      ", "r")}</#macro>
<#macro deeperVolume v><#assign text><@k.volume v/></#assign>${text?replace("(?m)^(?=.)", "    ", "r")}</#macro>
apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${k.scalar(drill.name)}
spec:
  schedule: ${k.q(drill.schedule)}
  concurrencyPolicy: Forbid
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 3
  jobTemplate:
    spec:
      backoffLimit: 0
      template:
        metadata:
          labels:
            app.kubernetes.io/component: restore-drill
        spec:
          restartPolicy: Never
          initContainers:
<#list drill.initContainers as container>
<@deeper container/>
</#list>
          containers:
<#list drill.containers as container>
<@deeper container/>
</#list>
          volumes:
<#list drill.volumes as volume>
<@deeperVolume volume/>
</#list>
