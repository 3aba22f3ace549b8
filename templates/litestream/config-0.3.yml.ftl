<#import "/lib/k8s.ftl" as k>
# Litestream 0.3 configuration: intervals and retention per replica.
addr: ${k.q(":" + process.metricsPort?c)}
<#list settings as setting>
${k.scalar(setting.key)}: ${k.scalar(setting.value)}
</#list>
dbs:
<#list process.replicas as replica>
  # profile ${k.comment(replica.profile)}<#if replica.overrides?has_content>, overridden: ${k.comment(replica.overrides?join(", "))}</#if>
  - path: ${k.q(replica.path)}
    replicas:
      - url: ${k.q(replica.url)}
        endpoint: ${k.q(replica.endpoint)}
        sync-interval: ${k.scalar(replica.syncInterval)}
        snapshot-interval: ${k.scalar(replica.snapshotInterval)}
        retention: ${k.scalar(replica.retention)}
</#list>
