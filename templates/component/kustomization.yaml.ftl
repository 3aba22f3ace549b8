apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
<#if component.components?has_content>
components:
<#list component.components as included>
  - ${included}
</#list>
</#if>
<#if component.resources?has_content>
resources:
<#list component.resources as resource>
  - ${resource}
</#list>
</#if>
<#if component.patches?has_content>
patches:
<#list component.patches as patch>
  - path: ${patch.path}
<#if patch.targetKind.present>
    target:
      kind: ${patch.targetKind.get()}
</#if>
</#list>
</#if>
<#if component.configMaps?has_content>
configMapGenerator:
<#list component.configMaps as generator>
  - name: ${generator.name}
<#if generator.namespace.present>
    namespace: ${generator.namespace.get()}
</#if>
    files:
<#list generator.files as file>
      - ${file}
</#list>
</#list>
</#if>
