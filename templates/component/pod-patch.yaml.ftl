<#import "/lib/k8s.ftl" as k>
<#assign hasPod = patch.annotations?has_content || patch.labels?has_content || patch.initContainers?has_content || patch.containers?has_content || patch.volumes?has_content || patch.fsGroup.present>
apiVersion: apps/v1
kind: ${k.scalar(patch.kind)}
metadata:
  name: ${k.scalar(patch.name)}
spec:
<#if patch.replicas.present>
  replicas: ${patch.replicas.get()?c}
</#if>
<#if patch.recreate>
  strategy:
    type: Recreate
    rollingUpdate: null
</#if>
<#if hasPod>
  template:
<#if patch.annotations?has_content || patch.labels?has_content>
    metadata:
<#if patch.labels?has_content>
      labels:
<#list patch.sortedLabels() as label>
        ${k.scalar(label.key)}: ${k.q(label.value)}
</#list>
</#if>
<#if patch.annotations?has_content>
      annotations:
<#list patch.sortedAnnotations() as annotation>
        ${k.scalar(annotation.key)}: ${k.q(annotation.value)}
</#list>
</#if>
</#if>
<#if patch.initContainers?has_content || patch.containers?has_content || patch.volumes?has_content || patch.fsGroup.present>
    spec:
<#if patch.fsGroup.present>
      securityContext:
        fsGroup: ${patch.fsGroup.get().gid?c}
        fsGroupChangePolicy: ${k.scalar(patch.fsGroup.get().changePolicy())}
</#if>
<#if patch.initContainers?has_content>
      initContainers:
<#list patch.initContainers as container>
<@k.container container 8/>
</#list>
</#if>
<#if patch.containers?has_content>
      containers:
<#list patch.containers as container>
<@k.container container 8/>
</#list>
</#if>
<#if patch.volumes?has_content>
      volumes:
<#list patch.volumes as volume>
<@k.volume volume 8/>
</#list>
</#if>
</#if>
</#if>
