# Written by `vixens-ls import`: deletes the hand-written Litestream containers and config volume of
# ${m.workloadKind} ${m.workloadName} (from ${m.workloadSource}).
apiVersion: apps/v1
kind: ${m.workloadKind}
metadata:
  name: ${m.workloadName}
spec:
  template:
    spec:
<#if m.initContainers?has_content>
      initContainers:
<#list m.initContainers as name>
        - name: ${name}
          $patch: delete
</#list>
</#if>
<#if m.containers?has_content>
      containers:
<#list m.containers as name>
        - name: ${name}
          $patch: delete
</#list>
</#if>
<#if m.volumes?has_content>
      volumes:
<#list m.volumes as name>
        - name: ${name}
          $patch: delete
</#list>
</#if>
