<#import "/lib/k8s.ftl" as k>
# Written by `vixens-ls import`: deletes the hand-written Litestream config (from ${k.comment(m.configSource)}).
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${k.scalar(m.configMap)}
$patch: delete
