<#import "/lib/k8s.ftl" as k>
# Scrapes every Litestream process of the pod: the prometheus.io/port annotation can name only one port.
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata:
  name: ${k.scalar(monitor.name)}
  namespace: ${k.scalar(monitor.namespace)}
spec:
  selector:
    matchLabels:
<#list monitor.sortedSelector() as label>
      ${k.scalar(label.key)}: ${k.q(label.value)}
</#list>
  podMetricsEndpoints:
<#list monitor.portNames as port>
    - port: ${k.scalar(port)}
      path: ${k.scalar(monitor.path)}
</#list>
