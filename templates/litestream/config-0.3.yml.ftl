<#import "/lib/k8s.ftl" as k>
# Litestream 0.3 configuration: intervals and retention per replica.
addr: ":${process.metricsPort?c}"
<#list settings as setting>
${setting.key}: ${setting.value}
</#list>
dbs:
<#list process.replicas as replica>
  # profile ${replica.profile}<#if replica.overrides?has_content>, overridden: ${replica.overrides?join(", ")}</#if>
  - path: ${k.q(replica.path)}
    replicas:
      - url: ${k.q(replica.url)}
        endpoint: ${k.q(replica.endpoint)}
        sync-interval: ${replica.syncInterval}
        snapshot-interval: ${replica.snapshotInterval}
        retention: ${replica.retention}
</#list>
