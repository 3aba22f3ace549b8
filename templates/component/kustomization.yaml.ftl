<#import "/lib/k8s.ftl" as k>
apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
<#if component.components?has_content>
components:
<#list component.components as included>
  - ${k.scalar(included)}
</#list>
</#if>
<#if component.resources?has_content>
resources:
<#list component.resources as resource>
  - ${k.scalar(resource)}
</#list>
</#if>
<#if component.patches?has_content>
patches:
<#list component.patches as patch>
  - path: ${k.scalar(patch.path)}
<#if patch.targetKind.present>
    target:
      kind: ${k.scalar(patch.targetKind.get())}
</#if>
</#list>
</#if>
<#if component.configMaps?has_content>
configMapGenerator:
<#list component.configMaps as generator>
  - name: ${k.scalar(generator.name)}
<#if generator.namespace.present>
    namespace: ${k.scalar(generator.namespace.get())}
</#if>
    files:
<#list generator.files as file>
      - ${k.scalar(file)}
</#list>
</#list>
</#if>
