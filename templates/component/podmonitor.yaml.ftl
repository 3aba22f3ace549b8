<#import "/lib/k8s.ftl" as k>
# Scrapes every Litestream process of the pod: the prometheus.io/port annotation can name only one port.
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata:
  name: ${monitor.name}
  namespace: ${monitor.namespace}
spec:
  selector:
    matchLabels:
<#list monitor.sortedSelector() as label>
      ${label.key}: ${k.q(label.value)}
</#list>
  podMetricsEndpoints:
<#list monitor.portNames as port>
    - port: ${port}
      path: ${monitor.path}
</#list>
