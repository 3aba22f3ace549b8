<#import "/lib/k8s.ftl" as k>
# Written by `vixens-ls import`: deletes the hand-written Litestream containers and config volume of
# ${k.comment(m.workloadKind)} ${k.comment(m.workloadName)} (from ${k.comment(m.workloadSource)}).
apiVersion: apps/v1
kind: ${k.scalar(m.workloadKind)}
metadata:
  name: ${k.scalar(m.workloadName)}
spec:
  template:
    spec:
<#if m.initContainers?has_content>
      initContainers:
<#list m.initContainers as name>
        - name: ${k.scalar(name)}
          $patch: delete
</#list>
</#if>
<#if m.containers?has_content>
      containers:
<#list m.containers as name>
        - name: ${k.scalar(name)}
          $patch: delete
</#list>
</#if>
<#if m.volumes?has_content>
      volumes:
<#list m.volumes as name>
        - name: ${k.scalar(name)}
          $patch: delete
</#list>
</#if>
