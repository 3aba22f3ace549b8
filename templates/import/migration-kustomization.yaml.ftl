<#import "/lib/k8s.ftl" as k>
# Written by `vixens-ls import` (yours from now on; generate never touches it).
# Removes the hand-written Litestream parts of ${k.comment(m.base)}/ so that the generated Component
# (../${k.comment(m.componentDir)}) is the only one. Each overlay lists this Component BEFORE ../${k.comment(m.componentDir)}:
# Kustomize applies Components in order, and the generated containers reuse some of the old names.
# Once those parts are deleted from ${k.comment(m.base)}/, delete this directory and its line in each overlay.
apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
patches:
<#list m.patchFiles as file>
  - path: ${k.scalar(file)}
</#list>
