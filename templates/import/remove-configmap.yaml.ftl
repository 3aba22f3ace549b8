# Written by `vixens-ls import`: deletes the hand-written Litestream config (from ${m.configSource}).
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${m.configMap}
$patch: delete
